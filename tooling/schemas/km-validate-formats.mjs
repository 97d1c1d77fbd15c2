// Stand-in for `@kubernetes-models/validate` inside the generated validator bundle. Its `formats`
// export is the only thing the precompiled validators import from it; the definitions below are
// the ones it exports for the formats these schemas use (same sources: ajv-formats and its own
// quantity/byte patterns), without the rest of its table (is-cidr, RE2, draft-2019 formats).
import { fullFormats } from 'ajv-formats/dist/formats.js';

// From @kubernetes-models/validate formats.js (MIT): apimachinery pkg/api/resource/quantity.go.
const rSignedNumber = /[+-]?(?:\d+|\d+\.\d+|\d+\.|\.\d+)/;
const rBinarySI = /[KMGTPE]i/;
const rDecimalSI = /(?:[YZEPTGMkhdcmunpfazy]|da)/;
const rDecimalExponent = new RegExp(`[eE]${rSignedNumber.source}`);
const rQuantitySuffix = new RegExp(`(?:${rBinarySI.source}|${rDecimalSI.source}|${rDecimalExponent.source})?`);
const rQuantity = new RegExp(`^${rSignedNumber.source}${rQuantitySuffix.source}$`);
const rBase64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export const formats = {
  int32: fullFormats.int32,
  int64: fullFormats.int64,
  double: fullFormats.double,
  float: fullFormats.float,
  'date-time': fullFormats['date-time'],
  byte: { type: 'string', validate: (value) => rBase64.test(value) },
  quantity: { type: 'string', validate: rQuantity },
};
