/**
 * How the summary names the plan and where it was read, worded the same whether the
 * summary was built from the task pane or the command line.
 */

/** "'Improvement Plan'!F2", "Sheet1!F2": a reference Excel itself would accept. */
export function qualifiedAddress(sheet: string, address: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${address}`;
}

export interface PlanPlace {
  sheet: string;
  table?: string;
  /** The range read, without the sheet ("A1:G19"). */
  address: string;
}

/** The plan's name on the summary: its sheet's name, as the officer titled it. */
export function planName(place: PlanPlace): string {
  return place.sheet;
}

/** "table ImprovementPlan, 'Improvement Plan'!A1:G19", or "'Improvement Plan'!A1:G19" for a plain range. */
export function planSource(place: PlanPlace): string {
  const where = qualifiedAddress(place.sheet, place.address);
  return place.table ? `table ${place.table}, ${where}` : where;
}
