"""The loopback host the tests and benches serve the built site from: a browser that drops a
download part way is counted for what it was sent, and is no error."""

import socket
import struct

from support.server import BODY_PIECE, StaticSite


def test_a_download_dropped_part_way_counts_what_was_sent_and_is_no_error(tmp_path, capfd):
    (tmp_path / "big.bin").write_bytes(bytes(256 * BODY_PIECE))
    with StaticSite(tmp_path, gzip=True) as site:
        site.server.daemon_threads = False  # so that leaving StaticSite waits for the sending thread
        with socket.create_connection(site.server.server_address) as connection:
            # A small receive buffer keeps the server sending until the connection is reset.
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
            connection.sendall(b"GET /big.bin HTTP/1.1\r\nHost: localhost\r\n\r\n")
            received = 0
            while received < 4 * BODY_PIECE:
                received += len(connection.recv(65536))
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sent = site.take_bytes_sent()
    assert 2 * BODY_PIECE < sent < 256 * BODY_PIECE
    assert "Traceback" not in capfd.readouterr().err


def test_a_whole_download_counts_every_byte(tmp_path):
    (tmp_path / "big.bin").write_bytes(bytes(3 * BODY_PIECE + 5))
    with StaticSite(tmp_path, gzip=True) as site:
        with socket.create_connection(site.server.server_address) as connection:
            connection.sendall(b"GET /big.bin HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            received = b""
            while chunk := connection.recv(65536):
                received += chunk
    assert received.endswith(bytes(5)) and site.take_bytes_sent() == 3 * BODY_PIECE + 5
