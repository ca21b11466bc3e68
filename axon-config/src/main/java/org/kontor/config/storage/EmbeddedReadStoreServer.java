package org.kontor.config.storage;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoThreadFactory;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The embedded read store's server: mongo-java-server's handlers and backend on Netty, as
 * {@link MongoServer} sets them up, except that requests are decoded by {@link
 * ReadStoreWireDecoder} and answers encoded by {@link ReadStoreWireEncoder}, which writes the
 * documents a find by ids returns from their stored bytes. {@code MongoServer} builds its channels'
 * handlers itself, so they can only be swapped by starting the server here. Loopback only.
 */
final class EmbeddedReadStoreServer implements AutoCloseable {

    /** How long a close waits for the event loops to finish what they are doing. */
    private static final long QUIET_SECONDS = 5;

    private final MongoBackend backend;
    private final EventLoopGroup acceptor = new NioEventLoopGroup(1, new MongoThreadFactory("mongo-server-boss"));
    /** As the library: Netty's default number of event loops (twice the cores); each connection keeps one. */
    private final EventLoopGroup workers = new NioEventLoopGroup(0, new MongoThreadFactory("mongo-server-worker"));
    private final ChannelGroup connections = new DefaultChannelGroup("read-store-connections", workers.next());
    private final Channel listening;

    private EmbeddedReadStoreServer(MongoBackend backend) {
        this.backend = backend;
        try {
            listening = new ServerBootstrap()
                    .group(acceptor, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 100)
                    .localAddress(new InetSocketAddress("127.0.0.1", 0))
                    .childOption(ChannelOption.TCP_NODELAY, Boolean.TRUE)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new MongoWireReplyEncoder());
                            channel.pipeline().addLast(new ReadStoreWireEncoder());
                            channel.pipeline().addLast(new ReadStoreWireDecoder());
                            channel.pipeline().addLast(new MongoDatabaseHandler(backend, connections));
                            channel.pipeline().addLast(new MongoExceptionHandler());
                        }
                    })
                    .bind().syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            shutDownLoops();
            throw e;
        }
    }

    /** Starts serving {@code backend} on a free loopback port. */
    static EmbeddedReadStoreServer start(MongoBackend backend) {
        return new EmbeddedReadStoreServer(backend);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listening.localAddress();
    }

    /** Stops listening, closes the clients' connections, stops the event loops, closes the backend. */
    @Override
    public void close() {
        listening.close().syncUninterruptibly();
        connections.close().syncUninterruptibly();
        shutDownLoops();
        backend.close();
    }

    private void shutDownLoops() {
        acceptor.shutdownGracefully(0, QUIET_SECONDS, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, QUIET_SECONDS, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
