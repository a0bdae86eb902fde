/**
 * Headings and screen-reader-only text for the pane. Styled with Griffel (makeStyles), not a
 * stylesheet in the page, so the Content-Security-Policy needs no inline styles.
 */
import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  h2: {
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    margin: `${tokens.spacingVerticalL} 0 ${tokens.spacingVerticalXS}`,
  },
  h3: {
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXXS}`,
  },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0, 0, 0, 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

type HeadingProps = React.HTMLAttributes<HTMLHeadingElement>;

export function PaneHeading({ className, ...rest }: HeadingProps): React.ReactElement {
  return <h2 className={mergeClasses(useStyles().h2, className)} {...rest} />;
}

export function PaneSubheading({ className, ...rest }: HeadingProps): React.ReactElement {
  return <h3 className={mergeClasses(useStyles().h3, className)} {...rest} />;
}

/** Text for screen readers only (a table caption that would crowd a 320 px pane). */
export function useVisuallyHiddenClass(): string {
  return useStyles().hidden;
}
