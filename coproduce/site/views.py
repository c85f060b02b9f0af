from django.shortcuts import render


def home(request):
    return render(request, "site/home.html")


def accessibility_statement(request):
    return render(request, "site/accessibility.html")


def privacy_notice(request):
    return render(request, "site/privacy.html")


def contact(request):
    return render(request, "site/contact.html")
