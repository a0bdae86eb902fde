/**
 * Why a workbook file cannot be used, in the officer's words ("cannot read 'plan.xlsx': it is
 * password-protected ..."). Raised by the .xlsx reader and writer; the command line shows the
 * message as it is and exits 1.
 */
export class WorkbookFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookFileError";
  }
}
