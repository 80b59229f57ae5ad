-- wrk script for the back office's pull endpoint (bench/run-backoffice-load.sh):
-- every request is a sync pull of one page from VD_CURSOR, as the signed-in user of VD_TOKEN.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("VD_TOKEN")
wrk.headers["VoucherDesk-Protocol"] = "1"
wrk.body = '{"device_id": "wrk-load", "cursor": ' .. os.getenv("VD_CURSOR") .. ', "limit": ' .. os.getenv("VD_LIMIT") .. '}'
