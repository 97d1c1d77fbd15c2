/**
 * Problems with options the config gives a built-in plugin (`plugins: [{ package: '@baton/csi',
 * options }]`), each with its config path, from the plugin's own validator.
 */
export async function validateBuiltInOptions(name: string, options: Readonly<Record<string, unknown>>, at: string): Promise<string[]> {
  const prefix = `${at}.options`;
  switch (name) {
    case '@baton/kubernetes': {
      const { resolveOptions } = await import('@baton/kubernetes');
      return resolveOptions(options).problems.map((problem) => `${prefix}.${problem}`);
    }
    case '@baton/cni': {
      const { validateCniOptions } = await import('@baton/cni');
      return validateCniOptions(options).map((problem) => problem.replace(/^options/, prefix));
    }
    case '@baton/csi': {
      const { validateCsiOptions } = await import('@baton/csi');
      return validateCsiOptions(options).map((problem) => problem.replace(/^options/, prefix));
    }
    default:
      return [];
  }
}
