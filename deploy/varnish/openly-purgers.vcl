# Who may PURGE and BAN besides this machine (127.0.0.1 and ::1 always may): the machines
# gunicorn runs on when they are not this one. Included by openly.vcl; edit this file.
# Example:
#     "10.0.0.0"/24;
acl openly_purgers {
}
