export interface RuleDocMeta {
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: string;
  readonly impact: string;
  readonly messages: Readonly<Record<string, string>>;
  readonly hint: string;
  readonly docs: string;
  readonly docsUrl?: string;
}

export function renderRuleDoc(meta: RuleDocMeta, context: { plugin: string }): string;
export function ruleDocFileName(ruleId: string): string;
export function renderRuleIndex(namespace: string, metas: readonly RuleDocMeta[], context: { plugin: string }): string;
export function renderNamespaceDocs(
  namespace: string,
  rules: Readonly<Record<string, { readonly meta: RuleDocMeta }>>,
  context: { plugin: string },
): Record<string, string>;
