# One image recipe for both Node apps: `--build-arg APP=api` or `--build-arg APP=workers`.
# Build context: the repository root (see compose.yaml).
FROM node:24-bookworm-slim AS build
WORKDIR /repo
ENV NX_NO_CLOUD=true NX_DAEMON=false NX_TUI=false
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ARG APP=api
# The api serves the dashboard, so its image carries the web build too.
RUN if [ "$APP" = "api" ]; then npx nx run-many -t build -p api web; else npx nx run workers:build; fi

FROM node:24-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm rebuild argon2 && npm cache clean --force
COPY --from=build /repo/dist ./dist
ARG APP=api
ENV APP=$APP
USER node
CMD ["sh", "-c", "exec node dist/$APP/main.js"]
