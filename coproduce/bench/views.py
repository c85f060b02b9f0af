from django.http import HttpResponse


def bare(request):
    """The yardstick: a Django view with no template and no database, through the same
    middleware as every page. The workload's throughput is reported as a share of this."""
    return HttpResponse("ok", content_type="text/plain")
