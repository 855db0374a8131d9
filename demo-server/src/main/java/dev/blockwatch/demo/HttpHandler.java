package dev.blockwatch.demo;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Routes each request to its endpoint and writes the reply. A plain request runs the endpoint right
 * here, on the event loop, so every other connection of the loop waits while it blocks; with
 * {@code ?offload=true} the endpoint runs on the worker pool and the reply is written back on the
 * loop when it is done, so the loop stays free.
 */
@ChannelHandler.Sharable
final class HttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    /** What an endpoint does; it may block the thread that runs it. */
    @FunctionalInterface
    interface Endpoint {
        Reply handle() throws Exception;
    }

    private final Map<String, Endpoint> routes;
    private final Executor workers;

    HttpHandler(Endpoints endpoints, Executor workers) {
        this.workers = workers;
        routes = Map.of(
                "/file", endpoints::readFile,
                "/socket", endpoints::callBackend,
                "/dns", endpoints::lookUpHost,
                "/exec", endpoints::runBackup,
                "/sleep", endpoints::sleep,
                "/lock", endpoints::readCacheUnderLock,
                "/db", endpoints::queryDatabase,
                "/redis", endpoints::popFromRedis,
                "/fast", endpoints::fast);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        Endpoint endpoint = routes.get(uri.path());
        if (endpoint == null) {
            respond(ctx, new Reply(HttpResponseStatus.NOT_FOUND, "no such endpoint; try one of "
                    + routes.keySet().stream().sorted().toList()), keepAlive);
        } else if (uri.parameters().getOrDefault("offload", List.of()).contains("true")) {
            workers.execute(() -> {
                Reply reply = run(endpoint);
                ctx.executor().execute(() -> respond(ctx, reply, keepAlive));
            });
        } else {
            respond(ctx, run(endpoint), keepAlive); // blocks the event loop for as long as the endpoint takes
        }
    }

    private static Reply run(Endpoint endpoint) {
        try {
            return endpoint.handle();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new Reply(HttpResponseStatus.INTERNAL_SERVER_ERROR, e.toString());
        }
    }

    private static void respond(ChannelHandlerContext ctx, Reply reply, boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, reply.status(),
                Unpooled.copiedBuffer(reply.text() + "\n", StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN + "; charset=UTF-8");
        HttpUtil.setContentLength(response, response.content().readableBytes());
        HttpUtil.setKeepAlive(response, keepAlive);
        if (keepAlive) {
            ctx.writeAndFlush(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        System.err.println("demo server: closing a connection after " + cause);
        ctx.close();
    }
}
