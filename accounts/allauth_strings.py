"""django-allauth's (and Django's password rules') own strings that our log-in, sign-up and
password pages still show (form labels, errors, messages), kept in the project's catalogue so that
they read formally.

allauth's catalogues for Polish, Italian, Dutch and German (and partly Spanish) address the reader
informally ("Zapomniałeś hasła?", "Inserisci la tua password", "Geef je huidige wachtwoord op",
"Bitte versuche es später"); so do Django's password rules in Italian and Polish ("La tua
password", "Twoje hasło"), and Polish has no translation of "This password is too short".
Django looks a message up in LOCALE_PATHS (locale/) before an app's own catalogue, so an entry
with the same msgid in locale/<lang>/LC_MESSAGES/django.po wins. `makemessages` keeps only the
msgids it finds in our code and drops the others: marking them here, unused, keeps those entries
alive. The msgids must stay exactly allauth's and Django's (allauth/account/forms.py,
allauth/account/adapter.py, allauth/mfa/, allauth/templates/account/messages/,
django/contrib/auth/password_validation.py); templates/account/ and templates/mfa/ override the
rest.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

ALLAUTH_STRINGS = (
    # the log-in form
    gettext_noop("Forgot your password?"),
    gettext_noop("The email address and/or password you specified are not correct."),
    gettext_noop("Too many failed login attempts. Try again later."),
    # passwords: sign-up, change, reset, re-authentication
    gettext_noop("Password"),
    gettext_noop("Password (again)"),
    gettext_noop("Current Password"),
    gettext_noop("New Password"),
    gettext_noop("New Password (again)"),
    gettext_noop("Please type your current password."),
    gettext_noop("You must type the same password each time."),
    gettext_noop("Incorrect password."),
    gettext_noop("Password successfully changed."),
    # the second factor (staff)
    gettext_noop("Incorrect code."),
    # confirming an email address
    gettext_noop("Confirmation email sent to %(email)s."),
    gettext_noop("You have confirmed %(email)s."),
    gettext_noop(
        "Unable to confirm %(email)s because it is already confirmed by a different account."
    ),
)

# Django's password rules (settings.AUTH_PASSWORD_VALIDATORS): the help under the field and the
# errors. ngettext_lazy, unused, marks the plural entries (there is no ngettext_noop).
PASSWORD_RULE_STRINGS = (
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("This password is too common."),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        "min_length",
    ),
    ngettext_lazy(
        "This password is too short. It must contain at least %(min_length)d character.",
        "This password is too short. It must contain at least %(min_length)d characters.",
        "min_length",
    ),
)
