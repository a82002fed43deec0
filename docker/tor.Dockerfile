# Tor for docker-compose.yml: the gateway's onion service and the SOCKS proxy of the wallet plane.
# Built from the repository root (it ships scripts/onion-client); the torrc is mounted at run time.
#
# Pin the digest for reproducible builds: `docker buildx imagetools inspect debian:13-slim`, then
# FROM debian:13-slim@sha256:<digest>.
FROM debian:13-slim
LABEL org.opencontainers.image.title="tron-payment-service tor" \
      org.opencontainers.image.description="Tor onion service and SOCKS proxy for tron-payment-service"
# openssl and coreutils' base32 are what onion-client needs to mint client keys in place.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tor openssl \
 && rm -rf /var/lib/apt/lists/*
COPY scripts/onion-client /usr/local/bin/onion-client
USER debian-tor
ENTRYPOINT ["/usr/bin/tor", "-f", "/etc/tor/torrc"]
