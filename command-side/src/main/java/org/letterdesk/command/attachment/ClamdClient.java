package org.letterdesk.command.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A client of ClamAV's daemon (clamd) speaking its INSTREAM command: {@code zINSTREAM\0}, then the content in chunks
 * each prefixed by its length (4 bytes, network order), a zero length to end, and one answer line:
 * {@code stream: OK}, {@code stream: <signature> FOUND} or {@code <message> ERROR}. Over TCP or a Unix domain
 * socket; the whole exchange is bounded by a timeout (a watchdog closes the channel, which ends a blocked read or
 * write on either kind of socket).
 */
public class ClamdClient {

    private static final int CHUNK = 64 * 1024;
    private static final int MAX_ANSWER = 4096;

    /** What clamd said of one content. */
    public interface Verdict {
    }

    public record Clean() implements Verdict {
    }

    /** @param signature the name of the signature that matched (as clamd reports it) */
    public record Infected(String signature) implements Verdict {
    }

    /** clamd answered but did not scan this content (e.g. it is longer than its StreamMaxLength). */
    public record NotScanned(String answer) implements Verdict {
    }

    private final SocketAddress address;
    private final Duration timeout;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "clamd-timeout");
        thread.setDaemon(true);
        return thread;
    });

    /** Over TCP. */
    public ClamdClient(String host, int port, Duration timeout) {
        this(new InetSocketAddress(host, port), timeout);
    }

    /** Over the Unix domain socket at {@code socket}. */
    public ClamdClient(java.nio.file.Path socket, Duration timeout) {
        this(UnixDomainSocketAddress.of(socket), timeout);
    }

    private ClamdClient(SocketAddress address, Duration timeout) {
        this.address = address;
        this.timeout = timeout;
    }

    public String describe() {
        return address instanceof UnixDomainSocketAddress unix ? "clamd at unix:" + unix.getPath()
                : "clamd at " + address;
    }

    /**
     * Scans {@code content} (read to its end, not closed).
     *
     * @throws IOException clamd could not be reached, broke the exchange or did not answer within the timeout
     */
    public Verdict scan(InputStream content) throws IOException {
        String answer = exchange(channel -> {
            write(channel, "zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[CHUNK];
            ByteBuffer length = ByteBuffer.allocate(4);
            try {
                for (int n; (n = content.readNBytes(buffer, 0, CHUNK)) > 0; ) {
                    length.clear();
                    length.putInt(n).flip();
                    writeFully(channel, length);
                    writeFully(channel, ByteBuffer.wrap(buffer, 0, n));
                }
                write(channel, new byte[4]);
            } catch (IOException writeFailed) {
                // clamd stops reading when the stream exceeds its limit and says so before closing: its answer,
                // if there is one, tells more than the broken write.
                String early;
                try {
                    early = readAnswer(channel);
                } catch (IOException noAnswer) {
                    throw writeFailed;
                }
                if (early.isEmpty()) {
                    throw writeFailed;
                }
                return early;
            }
            return readAnswer(channel);
        });
        return verdict(answer);
    }

    /** True when clamd answers PING with PONG within the timeout. */
    public boolean ping() {
        try {
            return "PONG".equals(exchange(channel -> {
                write(channel, "zPING\0".getBytes(StandardCharsets.US_ASCII));
                return readAnswer(channel);
            }));
        } catch (IOException e) {
            return false;
        }
    }

    static Verdict verdict(String answer) throws IOException {
        if (answer.isEmpty()) {
            throw new IOException("clamd closed the connection without an answer");
        }
        String result = answer.startsWith("stream: ") ? answer.substring("stream: ".length()) : answer;
        if (result.equals("OK")) {
            return new Clean();
        }
        if (result.endsWith(" FOUND")) {
            return new Infected(result.substring(0, result.length() - " FOUND".length()).strip());
        }
        return new NotScanned(answer);
    }

    private interface Exchange {
        String run(SocketChannel channel) throws IOException;
    }

    private String exchange(Exchange exchange) throws IOException {
        SocketChannel channel = address instanceof UnixDomainSocketAddress
                ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> alarm = watchdog.schedule(() -> {
            timedOut.set(true);
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing is all the watchdog can do
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try (channel) {
            channel.connect(address);
            return exchange.run(channel);
        } catch (IOException e) {
            if (timedOut.get()) {
                throw new IOException(describe() + " did not answer within " + timeout, e);
            }
            throw new IOException(describe() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()), e);
        } finally {
            alarm.cancel(false);
        }
    }

    private static void write(SocketChannel channel, byte[] bytes) throws IOException {
        writeFully(channel, ByteBuffer.wrap(bytes));
    }

    private static void writeFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** The answer up to its terminating NUL (or the end of the stream), without trailing blanks. */
    private static String readAnswer(SocketChannel channel) throws IOException {
        ByteBuffer answer = ByteBuffer.allocate(MAX_ANSWER);
        ByteBuffer one = ByteBuffer.allocate(1);
        while (answer.hasRemaining()) {
            one.clear();
            int n;
            try {
                n = channel.read(one);
            } catch (IOException e) {
                if (answer.position() > 0) {
                    break;
                }
                throw e;
            }
            if (n < 0 || (n == 1 && one.get(0) == 0)) {
                break;
            }
            if (n == 1) {
                answer.put(one.get(0));
            }
        }
        return new String(answer.array(), 0, answer.position(), StandardCharsets.UTF_8).strip();
    }
}
