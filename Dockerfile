# The GeoKG dashboard and CLI; Neo4j runs in its own container (see docker-compose.yml).
FROM python:3.11-slim
WORKDIR /app
COPY . /app
RUN pip install --no-cache-dir -e . && useradd --create-home geokg
USER geokg
EXPOSE 8050
CMD ["gunicorn", "-w", "3", "-b", "0.0.0.0:8050", "dashboard.wsgi:server"]
