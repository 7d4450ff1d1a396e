"""Argon2id with the parameters OWASP's Password Storage Cheat Sheet gives as the minimum
(19 MiB of memory, 2 iterations, 1 lane) instead of Django's heavier default (100 MiB, 8 lanes).

Why: on a web server, every log-in holds its worker for the hash. With Django's default a log-in
took about 250-330 ms of CPU on our 2-core machines and 100 MiB of memory each (16 log-ins at
once: 1.6 GB), which made log-in the slowest request of the load benchmark and a cheap way to
exhaust memory. OWASP's parameters keep Argon2id memory-hard at a cost a busy portal can carry.
Existing hashes made with other parameters are upgraded at the person's next log-in (Django's
must_update).
"""

from django.contrib.auth.hashers import Argon2PasswordHasher as DjangoArgon2PasswordHasher


class Argon2PasswordHasher(DjangoArgon2PasswordHasher):
    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
