# syntax=docker/dockerfile:1
# The channel-ledger image: the API (default command) and the projector (same image, other
# command; see docker-compose.yml). Built once, from the committed lock file; the runtime stage
# holds production dependencies and compiled JavaScript only, and runs as the unprivileged `node`
# user. Node 20: the major CI tests on (package.json engines).
ARG NODE_IMAGE=node:20-bookworm-slim

# Production dependencies only. better-sqlite3 is compiled here (python3, make, g++), on the same
# base image as the runtime, so its native module matches.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# Every dependency (TypeScript) to compile the apps and libraries to dist/.
FROM deps AS build
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
RUN npx tsc -p tsconfig.build.json \
  # Files the code reads at run time beside its modules (the dashboard's public/ pages and scripts).
  && find apps libs -type f ! -name '*.ts' -exec cp --parents {} dist/ \;

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json tsconfig.base.json ./
COPY scripts/register-paths.js ./scripts/register-paths.js
# The embedded store, development secret and .eml mailbox live under data/ when they are used.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# register-paths.js resolves the @channel-ledger/* imports to dist/ (tsc keeps them as written).
CMD ["node", "-r", "./scripts/register-paths.js", "dist/apps/api/src/main.js"]
