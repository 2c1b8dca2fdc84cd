#!/bin/bash
# Records the output of the real can-utils (Debian 2020.11.0) that the tests in
# dev.obdio.can compare with. Run it inside the SocketCAN guest, e.g.
#   mkdir -p /tmp/cu && ../shared/tools/vmrun -- bash $PWD/record.sh /tmp/cu
# then copy the files the tests use from /tmp/cu (log_l.txt is kept as log_l_x_multi.txt).
set -x
export TZ=UTC
cd "${1:?usage: record.sh OUTPUT_DIR}"
ip link set vcan0 down; ip link set vcan0 mtu 72; ip link set vcan0 up
ip link add dev vcanlong1 type vcan; ip link set vcanlong1 mtu 72; ip link set vcanlong1 up
F=vcan0,0:0,#FFFFFFFF
candump -s 0 -l -ta -x -e $F vcanlong1,0:0,#FFFFFFFF > screen_ta_x_e.txt 2> err1.txt &
candump -td $F > screen_td.txt 2>/dev/null &
candump -tz $F > screen_tz.txt 2>/dev/null &
candump -tA $F > screen_tA.txt 2>/dev/null &
candump $F > screen_plain.txt 2>/dev/null &
candump -a $F > screen_a.txt 2>/dev/null &
candump -i $F > screen_i.txt 2>/dev/null &
candump -S -a $F > screen_Sa.txt 2>/dev/null &
candump -L $F > log_L.txt 2>/dev/null &
candump -L -x $F vcanlong1 > log_Lx_multi.txt 2>/dev/null &
candump -e $F > screen_e.txt 2>/dev/null &
sleep 2
for f in 123#DEADBEEF 5AA# 7FF#0011223344556677 000#00 123#R 123#R3 123#R8 \
         12345678#00 00000123#R5 1FFFFFFF#41424344 0C1#48656C6C6F21 \
         123##1AABB 123##0 123##2112233445566778899AABBCC 18DAF110##3$(printf '%0128X' 0 | tr 0 A) \
         7E8#0441 123##4DEAD 5A1#11.2233.44556677.88 \
         20000004#0004000000000000 20000002#0500000000000000 2000000C#00107F0A00000000 \
         20000040#0000000000000000 20000088#00000208000000FF 20000200#0000000000001020 20000010#0000000400000000 \
         20000001# 20000204#0010000000000A0B 3FFFFFFF#; do
  cansend vcan0 $f || echo "cansend failed $f" >&2
  sleep 0.02
done
cansend vcanlong1 321#CAFE
cansend vcan0 456#01
sleep 0.5
kill %1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11
sleep 0.5
mv candump-*.log log_l.txt
# canplayer -v and stdout=
canplayer -v -t -I log_L.txt vcan0=vcan0 > canplayer_v.txt 2> canplayer_v_err.txt
canplayer -t -I log_L.txt stdout=vcan0 > canplayer_stdout.txt 2>&1
printf '(1.000000) vcan0 123#00\n(1.00000) vcan0 123#00\n' > badts.log
canplayer -t -I badts.log vcan0=vcan0 > canplayer_badts.txt 2>&1; echo "rc=$?" >> canplayer_badts.txt
# cangen verbose formats
cangen vcan0 -n 4 -g 0 -I 123 -L 4 -D i -v > cangen_v.txt 2>&1
cangen vcan0 -n 4 -g 0 -I 123 -L 4 -D i -v -v > cangen_vv.txt 2>&1
cangen vcan0 -n 4 -g 0 -I 123 -L 4 -D i -v -v -v > cangen_vvv.txt 2>&1
cangen vcan0 -n 3 -g 0 -f -b -I 12345678 -e -L 12 -D 11223344 -v > cangen_fd_v.txt 2>&1
cangen vcan0 -n 3 -g 0 -f -b -I 123 -L 12 -D 11223344 -v -v > cangen_fd_vv.txt 2>&1
cangen vcan0 -n 3 -g 0 -R -I 123 -L 3 -v -v > cangen_rtr_vv.txt 2>&1
cangen vcan0 -n 3 -g 0 -R -I 123 -L 3 -v > cangen_rtr_v.txt 2>&1
cansend vcan0 123#R9 ; echo "rc=$?" > cansend_r9.txt
cansend vcan0 123#G0 > cansend_bad.txt 2>&1; echo "rc=$?" >> cansend_bad.txt
echo done
