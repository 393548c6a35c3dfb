-- wrk script: POST the same small JSON body that the bare handlers and the exposed command bind.
wrk.method = "POST"
wrk.body = '{"name":"ada","count":3}'
wrk.headers["Content-Type"] = "application/json"
