export { type AopSignatureInput, aopSignature } from './aop-signature.js';
export {
  type Md5SecretSuffixSignatureInput,
  md5SecretSuffixSignature,
} from './md5-secret-suffix-signature.js';
export { type Md5SortedQuerySignatureInput, md5SortedQuerySignature } from './md5-sorted-query-signature.js';
export { type PandaponSignatureInput, type PandaponSigner, pandaponSignature } from './pandapon-signature.js';
export { pythonUrlencode, quotePlus } from './python-urlencode.js';
export type { Params, ParamValue, SignatureResult } from './types.js';
