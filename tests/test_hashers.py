"""Passwords are hashed with Argon2id at OWASP's minimum parameters; older hashes upgrade."""

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher as DjangoDefaultArgon2
from django.contrib.auth.hashers import check_password, make_password

HASHERS = [
    "skillup.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]


@pytest.fixture(autouse=True)
def _production_hashers(settings):
    settings.PASSWORD_HASHERS = HASHERS  # the test settings use a fast one


def test_new_password_hash_uses_owasp_argon2id_parameters():
    encoded = make_password("correct horse battery staple")

    assert encoded.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert check_password("correct horse battery staple", encoded)


def test_hash_with_django_default_parameters_is_checked_then_upgraded():
    default = DjangoDefaultArgon2()
    old = default.encode("secret words here", default.salt())
    upgraded = []

    assert old.startswith("argon2$argon2id$v=19$m=102400,t=2,p=8$")
    assert check_password("secret words here", old, setter=upgraded.append)
    assert check_password("secret words here", make_password(upgraded[0]))  # re-hashed
    assert upgraded == ["secret words here"]
