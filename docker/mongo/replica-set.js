// Health check of the mongo service that also initiates the one-member replica set rs0 on first
// start: run by mongosh every few seconds; the container turns healthy only once this member is
// PRIMARY, and tron-payment-service starts only after that (depends_on: service_healthy).
// A replica set is needed for majority write concern (w=majority) and change streams; its member
// address is the compose service name, the same one clients find in MONGO_URL.
try {
  rs.status();
} catch (e) {
  if (e.codeName !== 'NotYetInitialized') {
    throw e;
  }
  rs.initiate({ _id: 'rs0', members: [{ _id: 0, host: 'mongo:27017' }] });
}
if (!db.hello().isWritablePrimary) {
  quit(1);
}
