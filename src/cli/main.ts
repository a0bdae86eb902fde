/**
 * The `plan` command line. Each subcommand lives in its own module and is loaded
 * only when used, so `plan parse` never pays for loading exceljs.
 */
import { EXIT_INPUT, EXIT_OK, EXIT_USAGE, UsageError, describeFailure, type CliIo } from "./errors";

type Run = (argv: string[], io: CliIo) => Promise<number>;

interface Command {
  about: string;
  load: () => Promise<Run>;
}

const COMMANDS: Record<string, Command> = {
  parse: {
    about: "read timescales on standard input, one per line; write one JSON answer per line",
    load: async () => (await import("./parse")).runParse,
  },
  status: {
    about: "show each action's status in a workbook's plan as at a date",
    load: async () => (await import("./status")).runStatus,
  },
  // src/cli/summary.ts (runSummary) belongs to the committee-summary work.
  summary: {
    about: "build the committee summary sheet into a copy of a workbook",
    load: async () => (await import("./summary")).runSummary,
  },
};

export const USAGE = `Usage: plan COMMAND [options]

Plan Tracker reads a council improvement plan and reports which actions are overdue.

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)}${c.about}`)
  .join("\n")}

Run 'plan COMMAND --help' for a command's options.
`;

/** The command called `name`, if there is one (never an Object.prototype member). */
function commandNamed(name: string | undefined): Command | undefined {
  return name !== undefined && Object.prototype.hasOwnProperty.call(COMMANDS, name)
    ? COMMANDS[name]
    : undefined;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === "-h" || name === "--help" || name === "help") {
      const topic = name === "help" ? commandNamed(rest[0]) : undefined;
      if (topic) {
        const runTopic = await topic.load();
        return await runTopic(["--help"], io);
      }
      // A bare `plan` is a mistake (usage on stderr, exit 2); `plan --help` is a request.
      (name === undefined ? io.stderr : io.stdout).write(USAGE);
      return name === undefined ? EXIT_USAGE : EXIT_OK;
    }
    const command = commandNamed(name);
    if (!command) {
      const names = Object.keys(COMMANDS).join(", ");
      throw new UsageError(
        `'${name}' is not a plan command; the commands are ${names} (see 'plan --help').`
      );
    }
    const runCommand = await command.load();
    return await runCommand(rest, io);
  } catch (error) {
    const { line, exitCode } = describeFailure(error);
    io.stderr.write(line + "\n");
    if (process.env.PLAN_DEBUG && error instanceof Error && error.stack) {
      io.stderr.write(error.stack + "\n");
    }
    return exitCode;
  }
}

/** Runs the command line in this process (bin/plan.js calls this). */
export function run(): void {
  // `plan parse | head` closes the pipe early; that is not an error worth a trace.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(EXIT_OK);
    process.stderr.write(`plan: cannot write the output: ${error.message}\n`);
    process.exit(EXIT_INPUT);
  });
  const io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const { line, exitCode } = describeFailure(error);
      process.stderr.write(line + "\n");
      process.exitCode = exitCode;
    }
  );
}
