#!/usr/bin/env node
/**
 * The `guilded-gateway` command line. Each command lives in its own module and is loaded only
 * when run, so `validate` never pays for the generator's dependencies.
 */

interface Command {
  readonly summary: string;
  /** Runs the command with the arguments after its name; resolves to the exit code. */
  readonly load: () => Promise<{ run(args: string[]): Promise<number> }>;
}

const COMMANDS: Record<string, Command> = {
  generate: {
    summary: 'generate [--check] [--spec DIR] [--out DIR]   turn spec/ into generated/; --check compares instead of writing',
    load: () => import('./generate-command.js'),
  },
  validate: {
    summary: 'validate <files or folders...> [--json] [--fail-on invalid|unknown|never]   check captured traffic against the spec',
    load: () => import('./validate/command.js'),
  },
  infer: {
    summary: 'infer <files...> [--write DIR]   propose spec additions for what validate found unknown',
    load: () => import('./infer/command.js'),
  },
  replay: {
    summary: 'replay <capture> [--port N] [--speed X]   serve a capture as a local gateway on 127.0.0.1',
    load: () => import('./replay/command.js'),
  },
  demo: {
    summary: 'demo   replay the sample capture to GatewayClient, print typed events, then validate (npm start)',
    load: () => import('./demo.js'),
  },
};

function usage(): string {
  const lines = Object.values(COMMANDS).map((command) => `  ${command.summary}`);
  return `usage: guilded-gateway <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(usage());
    return name === undefined ? 1 : 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`unknown command "${name}"\n${usage()}`);
    return 1;
  }
  return (await command.load()).run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
