"""The python-can side of obdio's UDP multicast interop test (UdpPythonCanInteropTest).

Usage: python_can_udp_peer.py send|receive GROUP PORT [COUNT [TIMEOUT_S]]

Opens python-can's udp_multicast bus on GROUP:PORT, then prints READY. Frames are text lines
    id=HEX ext=0|1 rtr=0|1 err=0|1 fd=0|1 brs=0|1 esi=0|1 dlc=N data=HEX
send:    reads such lines from stdin, sends each and prints SENT; stops at END or end of input.
receive: prints "FRAME " and such a line for each of COUNT received messages, or TIMEOUT and
         exits 2 when one does not arrive within TIMEOUT_S seconds.
Ends with DONE.
"""
import sys

import can


def format_message(msg):
    return "id=%x ext=%d rtr=%d err=%d fd=%d brs=%d esi=%d dlc=%d data=%s" % (
        msg.arbitration_id, msg.is_extended_id, msg.is_remote_frame, msg.is_error_frame,
        msg.is_fd, msg.bitrate_switch, msg.error_state_indicator, msg.dlc, bytes(msg.data).hex())


def parse_message(line):
    fields = dict(item.split("=", 1) for item in line.split())
    return can.Message(
        arbitration_id=int(fields["id"], 16),
        is_extended_id=fields["ext"] == "1",
        is_remote_frame=fields["rtr"] == "1",
        is_error_frame=fields["err"] == "1",
        is_fd=fields["fd"] == "1",
        bitrate_switch=fields["brs"] == "1",
        error_state_indicator=fields["esi"] == "1",
        dlc=int(fields["dlc"]),
        data=bytes.fromhex(fields["data"]),
        check=True)


def main():
    mode, group, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
    bus = can.Bus(interface="udp_multicast", channel=group, port=port)
    try:
        print("READY", flush=True)
        if mode == "send":
            for line in sys.stdin:
                line = line.strip()
                if line == "END":
                    break
                bus.send(parse_message(line))
                print("SENT", flush=True)
        elif mode == "receive":
            count = int(sys.argv[4])
            timeout = float(sys.argv[5]) if len(sys.argv) > 5 else 20.0
            for _ in range(count):
                msg = bus.recv(timeout)
                if msg is None:
                    print("TIMEOUT", flush=True)
                    sys.exit(2)
                print("FRAME " + format_message(msg), flush=True)
        else:
            raise SystemExit("unknown mode " + mode)
    finally:
        bus.shutdown()
    print("DONE", flush=True)


if __name__ == "__main__":
    main()
