# syntax=docker/dockerfile:1
# Multi-stage: build with Maven on Temurin 21, run on a Temurin 21 JRE as a non-root user.
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY web web
COPY templates templates
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:21-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /var/lib/sluice --shell /usr/sbin/nologin sluice \
 && mkdir -p /var/lib/sluice \
 && chown sluice:sluice /var/lib/sluice
COPY --from=build /src/target/sluice.jar /opt/sluice/sluice.jar
ENV SLUICE_DATA_DIR=/var/lib/sluice \
    SLUICE_PORT=8080
VOLUME ["/var/lib/sluice"]
EXPOSE 8080
USER sluice
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/sluice/sluice.jar"]
CMD ["serve"]
