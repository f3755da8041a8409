# The headless engine as a container: `abs-workbench` and nothing of the desktop app (no Electron, no Chromium).
#   docker build -t abs-workbench .
#   docker run --rm -v "$PWD/samples:/data:ro" abs-workbench run /data/deals/level-pay-consumer.deal.json --json
# Two stages: the CLI is bundled (esbuild, a devDependency) in the first; the image keeps the bundle and the
# runtime dependencies only (`npm ci --omit=dev` skips electron, esbuild, vite, playwright…).
# Not built on the machines this was written on (no Docker there): see README, "Running on a cluster".

FROM node:20-slim AS build
WORKDIR /app
# Electron's install script downloads a browser binary; scripts are skipped and the CLI needs none of them.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.base.json tsconfig.node.json ./
COPY bin ./bin
COPY core ./core
RUN node bin/build-cli.mjs

FROM node:20-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/out/cli ./out/cli
COPY bin/abs-workbench.js ./bin/abs-workbench.js
# Sample deals, tapes and funding cases, for a smoke test of a new image.
COPY samples ./samples
USER node
ENTRYPOINT ["node", "/app/bin/abs-workbench.js"]
CMD ["--help"]
