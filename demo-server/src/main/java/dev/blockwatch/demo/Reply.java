package dev.blockwatch.demo;

import io.netty.handler.codec.http.HttpResponseStatus;

/** What an endpoint answers: a status and one line of text. */
record Reply(HttpResponseStatus status, String text) {
    static Reply ok(String text) {
        return new Reply(HttpResponseStatus.OK, text);
    }
}
