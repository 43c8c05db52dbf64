# syntax=docker/dockerfile:1
# The yuantou proxy as one container (issue 28). Not built on the project's machines (container images cannot be
# pulled there): kept minimal and conventional, and its topology is tested without containers
# (apps/proxy/test/team). Pin the base by digest in your registry mirror if you can (`node:20.19.5-bookworm-slim@sha256:…`).
ARG NODE_IMAGE=node:20.19.5-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
RUN corepack enable
COPY . .
RUN pnpm install --frozen-lockfile
RUN pnpm turbo run build --filter=@yuantou/proxy... --filter=@yuantou/excel-addin
# Only the proxy and its production dependencies (workspace packages copied in, not linked).
RUN pnpm --filter @yuantou/proxy deploy --prod --legacy /out

FROM ${NODE_IMAGE}
# The proxy serves the built add-in too (YUANTOU_SERVE_ADDIN=false to stop it); its manifest's host is
# YUANTOU_PUBLIC_ORIGIN.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8787 YUANTOU_ADDIN_DIR=/app/addin
WORKDIR /app
# Owned by root, run as `node`: the process cannot rewrite its own code. Nothing is written to disk at run
# time (logs go to stdout), so `--read-only` / `readOnlyRootFilesystem: true` works.
COPY --from=build /out /app
COPY --from=build /src/apps/excel-addin/dist /app/addin
USER node
EXPOSE 8787
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8787/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/server.js"]
