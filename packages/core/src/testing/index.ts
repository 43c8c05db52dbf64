// `@yuantou/core/testing`: fake provider servers and the parser-fuzzing toolkit, for tests of code built on
// @yuantou/core (the proxy's end-to-end tests use them). Node only (node:http, node:crypto): never import this
// from the main entry, which must stay browser-safe.

export {
  ALIBABA_APIS,
  ALIBABA_ERRORS,
  ALIBABA_FAKE_CREDENTIALS,
  alibabaPath,
  startAlibabaFake,
} from '../providers/alibaba/alibaba-fake.js';
export {
  DAJISAAS_ERRORS,
  DAJISAAS_FAKE_CREDENTIALS,
  DAJISAAS_PATHS,
  startDajisaasFake,
} from '../providers/dajisaas/dajisaas-fake.js';
export {
  ONEBOUND_ERRORS,
  ONEBOUND_FAKE_CREDENTIALS,
  ONEBOUND_PATHS,
  type OneboundFake,
  startOneboundFake,
} from '../providers/onebound/onebound-fake.js';
export {
  PANDAPON_ERRORS,
  PANDAPON_FAKE_CREDENTIALS,
  PANDAPON_PATHS,
  startPandaponFake,
} from '../providers/pandapon/pandapon-fake.js';
export {
  startTmapiFake,
  TMAPI_ERRORS,
  TMAPI_FAKE_CREDENTIALS,
  TMAPI_PATHS,
} from '../providers/tmapi/tmapi-fake.js';
export { DEFAULT_TOTAL } from './fake-data.js';
export {
  type Behaviour,
  CallLog,
  type ErrorCatalogue,
  type FakeServer,
  type FakeServerDefinition,
  type RecordedRequest,
  type Reply,
  startFakeServer,
  times,
} from './fake-server.js';
export * from './parser-fuzzing.js';
export {
  closeAllFakes,
  type FakeStartOptions,
  fakeCredentials,
  loadFake,
  type NetworkProviderId,
  networkProviderIds,
  type ProviderFake,
  type RunningFakes,
  startAllFakes,
} from './provider-fakes.js';
export { sampleOffer } from './sample-offer.js';
export { json, sendRequest, withQueryParam } from './send-request.js';
