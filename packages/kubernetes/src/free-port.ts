/** The highest port number a Kubernetes port may carry. */
export const MAX_PORT = 65535;

export const isPortNumber = (value: number | undefined): value is number =>
  value !== undefined && Number.isInteger(value) && value >= 1 && value <= MAX_PORT;

/**
 * The first port from `start` upwards, wrapping past 65535 to 1, that `isTaken` rejects; undefined
 * when all 65,535 are taken. Bounded, so a source port beyond the range (Marathon input is not
 * range-checked before it reaches the writer) cannot loop: `2 ** 53 + 1 === 2 ** 53`.
 */
export function freePort(isTaken: (port: number) => boolean, start: number): number | undefined {
  const first = isPortNumber(start) ? start : 1;
  for (let step = 0; step < MAX_PORT; step++) {
    const port = ((first - 1 + step) % MAX_PORT) + 1;
    if (!isTaken(port)) return port;
  }
  return undefined;
}
