# dualscreen as a container image.
#   docker build -t dualscreen .
#   docker run --rm --network none -v "$PWD:/data" -w /data dualscreen screen m.csv
# Stage 1 builds and packs the npm package exactly as `npm pack` does for the registry; stage 2 installs that
# tarball, with the dependency versions of package-lock.json, on a clean slim Node 20 and runs it as a non-root
# user. Nothing is fetched at run time: the rule packs, the HS nomenclature and every dependency are in the image.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS pack
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json README.md LICENSE ./
COPY bin bin
COPY src src
COPY rules rules
# prepack: a clean build of dist/
RUN npm pack --pack-destination /tmp && mv /tmp/dualscreen-*.tgz /tmp/dualscreen.tgz

FROM ${NODE_IMAGE}
ARG NODE_IMAGE
LABEL org.opencontainers.image.title="dualscreen" \
      org.opencontainers.image.description="Screens CSV shipment manifests against China's dual-use export controls, the Japan ban and the entity lists" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.base.name="${NODE_IMAGE}"
ENV NODE_ENV=production \
    NO_UPDATE_NOTIFIER=1 \
    DUALSCREEN_CACHE_DIR=/opt/dualscreen-cache
COPY --from=pack /tmp/dualscreen.tgz /tmp/dualscreen.tgz
COPY --from=pack /src/package-lock.json /tmp/package-lock.json
# the tarball's files, its locked run-time dependencies (no scripts run), `dualscreen` on the PATH, and the
# bundled packs parsed once into the cache (any user may read it, and add entries for packs of their own)
RUN mkdir -p /opt/dualscreen \
 && tar -xzf /tmp/dualscreen.tgz -C /opt/dualscreen --strip-components=1 --no-same-owner \
 && cp /tmp/package-lock.json /opt/dualscreen/ \
 && cd /opt/dualscreen \
 && npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && rm -rf /tmp/dualscreen.tgz /tmp/package-lock.json /root/.npm \
 && ln -s /opt/dualscreen/bin/dualscreen.js /usr/local/bin/dualscreen \
 && mkdir -m 1777 "$DUALSCREEN_CACHE_DIR" \
 && dualscreen rules validate
USER node
WORKDIR /data
VOLUME ["/data"]
ENTRYPOINT ["dualscreen"]
CMD ["--help"]
