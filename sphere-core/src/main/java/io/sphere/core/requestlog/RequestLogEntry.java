package io.sphere.core.requestlog;

import java.time.Instant;
import java.util.UUID;

/**
 * One HTTP request, as published by the web and stored by the worker. The record is the message body (JSON); its
 * {@code schema} field lets a worker refuse a body it does not understand instead of storing it wrongly.
 */
public record RequestLogEntry(int schema, UUID requestId, Instant loggedAt, Long userId, String userEmail,
        String clientIp, String method, String path, String query, int status, long durationMicros,
        long responseBytes, String userAgent) {

    public static final int SCHEMA = 1;
}
