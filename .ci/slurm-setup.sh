#!/usr/bin/env bash
# Sets up a real single-node SLURM cluster on this machine for the SLURM integration
# test (test/slurm/). Idempotent: installs slurm-wlm and munge only when missing,
# (re)writes slurm.conf, starts munged, slurmctld and slurmd only when not running,
# and waits until `sinfo` shows the node idle. Needs root (CI and dev machines run as root).
#
# Stop the daemons afterwards with `.ci/slurm-setup.sh --stop`: it stops, by pid file (never
# by name), only the daemons this script started (listed in $STARTED).
# Follows shared/recipes/slurm-single-node.md (tested on Debian 12, slurm-wlm 22.05).
set -euo pipefail

MUNGE_PID=/run/munge/munged.pid
CTLD_PID=/run/slurmctld.pid
SLURMD_PID=/run/slurmd.pid
STARTED=/run/lrsim-slurm-started

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

if [ "${1:-}" = "--stop" ]; then
  [ -f "$STARTED" ] || exit 0
  # slurmd first, munged last (the others authenticate through it).
  for f in "$SLURMD_PID" "$CTLD_PID" "$MUNGE_PID"; do
    if grep -qx "$f" "$STARTED" && alive "$f"; then
      pid=$(cat "$f"); kill "$pid" && echo "slurm-setup: stopped pid $pid ($f)"
    fi
  done
  rm -f "$STARTED"
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  echo "slurm-setup: needs root to install and start SLURM; skipping" >&2
  exit 0
fi

if ! command -v sbatch >/dev/null || [ ! -x /usr/sbin/slurmctld ] || [ ! -x /usr/sbin/munged ]; then
  echo "slurm-setup: installing slurm-wlm and munge"
  apt-get -o DPkg::Lock::Timeout=600 update -q
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q slurm-wlm munge >/dev/null
fi

H=$(hostname)
mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm /run/munge
CONF=$(cat <<CONF
ClusterName=local
SlurmctldHost=$H
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=$CTLD_PID
SlurmdPidFile=$SLURMD_PID
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
NodeName=$H CPUs=$(nproc) RealMemory=8000 State=UNKNOWN
PartitionName=debug Nodes=$H Default=YES MaxTime=INFINITE State=UP
CONF
)
# Rewrite only when it changed, so a running slurmctld is not left with a stale file.
if [ ! -f /etc/slurm/slurm.conf ] || [ "$(cat /etc/slurm/slurm.conf)" != "$CONF" ]; then
  printf '%s\n' "$CONF" > /etc/slurm/slurm.conf
fi

# The package creates /etc/munge/munge.key; make one if it is missing.
if [ ! -f /etc/munge/munge.key ]; then
  dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
  chown munge:munge /etc/munge/munge.key
  chmod 400 /etc/munge/munge.key
fi
chown munge:munge /run/munge

alive "$MUNGE_PID" || { runuser -u munge -- /usr/sbin/munged && echo "$MUNGE_PID" >> "$STARTED"; }
alive "$CTLD_PID" || { /usr/sbin/slurmctld && echo "$CTLD_PID" >> "$STARTED"; }
alive "$SLURMD_PID" || { /usr/sbin/slurmd && echo "$SLURMD_PID" >> "$STARTED"; }

for _ in $(seq 1 60); do
  if sinfo -h -o '%t' 2>/dev/null | grep -qx 'idle'; then
    echo "slurm-setup: ready"; sinfo
    exit 0
  fi
  # A node left down/drained by an earlier run comes back with an explicit resume.
  if sinfo -h -o '%t' 2>/dev/null | grep -Eq '^(down|drain|drng|drained)'; then
    scontrol update NodeName="$H" State=RESUME >/dev/null 2>&1 || true
  fi
  sleep 1
done
echo "slurm-setup: SLURM did not become idle within 60 s" >&2
sinfo >&2 || true
tail -n 20 /var/log/slurm/slurmctld.log /var/log/slurm/slurmd.log >&2 || true
exit 1
