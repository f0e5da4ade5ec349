package io.boxoffice.shared.idempotency;

/** A response as it is replayed for a repeated key. */
record StoredResponse(int status, byte[] body, String contentType, String location) {}
