# A USHS node. Build the jar first (mvn -B package -DskipTests), then: docker-compose build
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --no-create-home ushs
WORKDIR /opt/ushs
COPY app/target/ushs.jar /opt/ushs/ushs.jar
COPY docker/entrypoint.sh /opt/ushs/entrypoint.sh
# entrypoint.sh always adds -XX:+ExitOnOutOfMemoryError, whatever JAVA_OPTS holds
ENV JAVA_OPTS="-Xmx256m"
USER ushs
# 8080 client WebSocket, 8081 publish API and /metrics, 5701 Hazelcast; the event bus uses a random port
EXPOSE 8080 8081 5701
HEALTHCHECK --interval=5s --timeout=3s --start-period=90s --retries=3 \
  CMD ["/opt/ushs/entrypoint.sh", "health"]
ENTRYPOINT ["/opt/ushs/entrypoint.sh"]
