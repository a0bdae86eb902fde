import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { isDarkColour, themeForOffice } from "../../src/taskpane/theme";

describe("the pane's theme follows Office's", () => {
  test.each([
    ["#1f1f1f", true],
    ["#000000", true],
    ["#292929", true],
    ["#ffffff", false],
    ["#f3f2f1", false],
    ["fafafa", false],
    ["", false],
    ["not a colour", false],
  ])("%s is dark: %s", (colour, dark) => {
    expect(isDarkColour(colour)).toBe(dark);
  });

  test("dark Office background gives the dark theme; light, missing or throwing gives light", () => {
    expect(themeForOffice({ context: { officeTheme: { bodyBackgroundColor: "#1f1f1f" } } })).toBe(
      webDarkTheme
    );
    expect(themeForOffice({ context: { officeTheme: { bodyBackgroundColor: "#ffffff" } } })).toBe(
      webLightTheme
    );
    expect(themeForOffice({ context: {} })).toBe(webLightTheme);
    expect(themeForOffice(undefined)).toBe(webLightTheme);
    const throwing = {
      get context(): never {
        throw new Error("not available");
      },
    };
    expect(themeForOffice(throwing)).toBe(webLightTheme);
  });
});
