// `@yuantou/proxy/testing`: what other workspace packages' tests need to run the real proxy in-process (the
// Excel add-in's integration and browser tests start it in demo mode). Imported by package name, so turbo
// re-runs those tests whenever the proxy changes.
export { type AppDeps, buildApp, DEMO_MODE_MESSAGE } from './app.js';
export { type LoadConfigOptions, loadConfig, type ProxyConfig } from './config/load-config.js';
export type { ProviderGateway } from './gateway/gateway-contract.js';
