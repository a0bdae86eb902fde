/** The Fluent theme that matches Office's own, so the pane looks at home in light and dark Office. */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** True for a dark colour ("#1f1f1f"): relative luminance below the midpoint. */
export function isDarkColour(colour: string | undefined | null): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec((colour ?? "").trim());
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/** Dark when Office's task pane background is dark; light otherwise, and where Office gives no theme. */
export function themeForOffice(
  office: { context?: { officeTheme?: { bodyBackgroundColor?: string } } } | undefined
): Theme {
  let background: string | undefined;
  try {
    // officeTheme is missing on some hosts (and throws on a few older ones); light is the safe default.
    background = office?.context?.officeTheme?.bodyBackgroundColor;
  } catch {
    background = undefined;
  }
  return isDarkColour(background) ? webDarkTheme : webLightTheme;
}
