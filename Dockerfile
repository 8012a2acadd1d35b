# NeoBank & Chrome Slots — container image.
# Build: docker build -t neobank .   Run: docker compose up   (see docker-compose.yml)
# For a cluster: build, tag and push to a registry the cluster pulls from (docs/deploy.md).

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Dependencies first, so code changes do not download the world again.
COPY pom.xml .
COPY ui/pom.xml ui/
COPY api/pom.xml api/
COPY gm-cli/pom.xml gm-cli/
RUN mvn -B -q -pl ui,api,gm-cli dependency:go-offline -DexcludeGroupIds=city.neotropolis || true
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home /app neobank \
 && mkdir -p /app/data && chown neobank /app/data
WORKDIR /app
COPY --from=build /src/api/target/neobank.jar /app/neobank.jar
COPY --from=build /src/gm-cli/target/neobank-gm.jar /app/neobank-gm.jar
COPY config.yml /app/config.yml
COPY bin/neobank /app/bin/neobank
# The JVM flags are the launcher's, measured with the full benchmark (bench/README.md, "Start and
# footprint"); JAVA_OPTS, empty here, is appended to them (e.g. -Xmx256m for a bigger event).
ENV NEOBANK_JAR=/app/neobank.jar \
    NEOBANK_DATA_DIR=/app/data \
    PORT=8080 \
    ADMIN_PORT=8081 \
    JAVA_OPTS=""
# The class data sharing archive (/app/neobank.jsa): a training start of the service inside the
# image, by this image's own JVM (an archive fits only the JVM and the jar it was made with).
RUN bin/neobank cds
USER neobank
VOLUME ["/app/data"]
EXPOSE 8080 8081
# Asks the port the service really listens on: PORT can be changed at run time.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PORT:-8080} && printf 'GET /health HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q healthy <&3"]
# No arguments: `server /app/config.yml`. Any other command of the service also works, e.g.
# `docker run --rm -v neobank-data:/app/data neobank check /app/config.yml`.
ENTRYPOINT ["/app/bin/neobank"]
