import { definePlugin, PLUGIN_API_VERSION, type Plugin } from '@baton/core';
import { noLatestTag, type NoLatestTagOptions } from './rules/no-latest-tag.js';

export const PLUGIN_NAME = '__NAME__';
/** Keep equal to package.json's version (a test checks it). */
export const PLUGIN_VERSION = '0.1.0';

export type __OPTIONS_TYPE__ = NoLatestTagOptions;

/**
 * The plugin factory: hosts import this package, call the default export with the options from
 * their config (`plugins: [{ package: '__NAME__', options: {...} }]`) and validate the object.
 */
export default function plugin(options: __OPTIONS_TYPE__ = {}): Plugin<any> {
  return definePlugin({
    apiVersion: PLUGIN_API_VERSION,
    meta: { name: PLUGIN_NAME, version: PLUGIN_VERSION, namespace: '__NAMESPACE__' },
    compatibility: { core: '^0.1.0' },
    checkers: { 'no-latest-tag': noLatestTag(options) },
  });
}
