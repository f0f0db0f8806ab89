/**
 * The page served with 503 while the database is unreachable (by the proxy, before any page is rendered). Plain
 * HTML with the portal's words, no scripts; the same message as the error boundary's.
 */
export const OUTAGE_HTML = `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Сервис временно недоступен · Опора</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f8fafc;color:#0f172a}
main{max-width:36rem;margin:4rem auto;padding:1.5rem;border:1px solid #fcd34d;border-radius:.25rem;background:#fffbeb}
h1{font-size:1.25rem;margin:0 0 .5rem}
a{color:#1d4ed8}
</style>
</head>
<body>
<main role="alert">
<h1>Сервис временно недоступен</h1>
<p>Не удалось загрузить страницу: база данных временно недоступна или идёт обновление. Данные не потеряны — повторите попытку через минуту.</p>
<p><a href="">Повторить</a></p>
</main>
</body>
</html>
`;
