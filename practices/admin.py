from django.contrib import admin

from .models import Call, Practice

admin.site.register(Call)
admin.site.register(Practice)
