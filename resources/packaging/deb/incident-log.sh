#!/bin/sh
# /usr/bin/incident-log: the program lives, with its own Python and Qt, in /opt/incident-log.
exec /opt/incident-log/incident-log "$@"
