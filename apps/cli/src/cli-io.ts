import { styleText } from 'node:util';

/** Everything the CLI touches in the outside world, so tests can run it in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** stderr is a terminal: show progress and colour. */
  readonly interactive: boolean;
  readonly readStdin: () => Promise<string>;
  readonly cwd: string;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    interactive: Boolean(process.stderr.isTTY) && process.env.CI !== 'true',
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    cwd: process.cwd(),
  };
}

type Style = Parameters<typeof styleText>[0];

/** Colours only on a terminal and never when NO_COLOR is set (https://no-color.org). */
export function painter(io: CliIo): (style: Style, text: string) => string {
  const enabled = io.interactive && !io.env.NO_COLOR;
  return (style, text) => (enabled ? styleText(style, text) : text);
}
