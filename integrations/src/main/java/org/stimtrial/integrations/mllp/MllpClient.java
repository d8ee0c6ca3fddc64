package org.stimtrial.integrations.mllp;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A plain MLLP client, as a laboratory's interface engine would be: frames a message, waits for the framed ACK. Used
 * by the tests and the import benchmark; on its own it sends HL7 files:
 * {@code java -cp integrations.jar org.stimtrial.integrations.mllp.MllpClient 127.0.0.1 2575 message.hl7 ...}.
 */
public final class MllpClient implements AutoCloseable {
    private static final int START = 0x0b;
    private static final int END = 0x1c;
    private static final int CR = 0x0d;
    private final Socket socket;
    private final InputStream in;

    public MllpClient(int port, int timeoutMillis) throws IOException {
        this(InetAddress.getLoopbackAddress(), port, timeoutMillis);
    }

    public MllpClient(InetAddress host, int port, int timeoutMillis) throws IOException {
        socket = new Socket(host, port);
        socket.setSoTimeout(timeoutMillis);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream());
    }

    /** Sends each file as one message and prints each acknowledgement; exit status 1 if any was not AA. */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: MllpClient <host> <port> <message.hl7>...");
            System.exit(2);
        }
        boolean allAccepted = true;
        try (MllpClient client = new MllpClient(InetAddress.getByName(args[0]), Integer.parseInt(args[1]), 60_000)) {
            for (int i = 2; i < args.length; i++) {
                String ack = client.send(Files.readAllBytes(Path.of(args[i])));
                System.out.println(args[i] + ": " + ack.replace('\r', '\n').strip());
                allAccepted &= ack.contains("MSA|AA|");
            }
        }
        System.exit(allAccepted ? 0 : 1);
    }

    /** Sends raw bytes as they are, without a frame. */
    public void sendUnframed(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /**
     * Sends one framed message in one write (with Nagle's algorithm off: a frame written in pieces waits for the
     * peer's delayed TCP acknowledgement, about 40 ms a piece) and returns the acknowledgement's text.
     */
    public String send(byte[] message) throws IOException {
        byte[] frame = new byte[message.length + 3];
        frame[0] = START;
        System.arraycopy(message, 0, frame, 1, message.length);
        frame[frame.length - 2] = END;
        frame[frame.length - 1] = CR;
        OutputStream out = socket.getOutputStream();
        out.write(frame);
        out.flush();
        int b = in.read();
        if (b != START) {
            throw new IOException("expected the start of an MLLP frame, got " + b);
        }
        ByteArrayOutputStream ack = new ByteArrayOutputStream();
        while ((b = in.read()) != END) {
            if (b < 0) {
                throw new IOException("the connection closed inside a frame");
            }
            ack.write(b);
        }
        if (in.read() != CR) {
            throw new IOException("the frame did not end with CR");
        }
        return ack.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
