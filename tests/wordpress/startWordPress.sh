#!/usr/bin/env bash
# A real WordPress on 127.0.0.1 for the publishing tests: Debian's packages, MariaDB, and PHP's built-in server.
# Usage: startWordPress.sh [PORT]   (default 8089; state file: $DATELINE_WP_STATE or /tmp/dateline-wordpress.json)
# It never fails its caller: on any problem it writes {"unavailable": reason} and exits 0, and the tests skip with
# that reason. Run again, it reuses whatever already works, so a second run takes a second.
set -uo pipefail

port="${1:-8089}"
state="${DATELINE_WP_STATE:-/tmp/dateline-wordpress.json}"
log="${state%.json}.log"
url="http://127.0.0.1:$port"
docroot=/usr/share/wordpress
# Debian's wp-config.php loads /etc/wordpress/config-<Host header without port>.php.
config=/etc/wordpress/config-127.0.0.1.php
config_marker='Written by Dateline tests/wordpress/startWordPress.sh, v1'
content_dir=/var/lib/wordpress/wp-content
db=dateline_wp
db_user=dateline_wp
wp_user=dateline
# One application password per port, so runs on other ports leave this one's alone.
app_name="dateline-tests 127.0.0.1:$port"

json_string() {
  local s=${1//\\/\\\\}
  s=${s//\"/\\\"}
  printf '"%s"' "$(printf '%s' "$s" | tr -d '\000-\037')"
}

write_state() {
  # Through a temp file, so a test reading it never sees half of it.
  printf '%s\n' "$1" >"$state.tmp" && mv -f "$state.tmp" "$state"
}

unavailable() {
  local reason="$1"
  write_state "{\"unavailable\":$(json_string "$reason")}"
  echo "WordPress unavailable: $reason"
  exit 0
}

if ! [[ "$port" =~ ^[0-9]+$ ]] || ((port < 1 || port > 65535)); then unavailable "port '$port' is not a port number"; fi

# CI and the vitest/Playwright set-ups may both call this; one at a time. What outlives this script (MariaDB, the
# services apt starts, php -S) is started with 9>&-, or it would hold the lock for good.
exec 9>"$state.lock" || unavailable "cannot create $state.lock"
flock -w 300 9 || unavailable "another startWordPress.sh held $state.lock for 5 minutes"

state_field() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p" "$state" 2>/dev/null; }

# 200 when user:password reaches WordPress's REST API as that user.
whoami_status() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 20 -u "$1:$2" "$url/?rest_route=/wp/v2/users/me&context=edit"
}

print_ready() {
  write_state "{\"url\":\"$url\",\"user\":\"$wp_user\",\"appPassword\":\"$1\",\"pid\":$2,\"docroot\":\"$docroot\",\"port\":$port,\"log\":$(json_string "$log")}"
  echo "WordPress ready at $url"
  exit 0
}

# The master `php -S` for this port (PHP_CLI_SERVER_WORKERS forks workers with the same command line).
server_pid() { pgrep -o -f "^php -S 127\.0\.0\.1:$port " ; }

if ! command -v curl >/dev/null 2>&1 && ! command -v apt-get >/dev/null 2>&1; then unavailable "curl is not installed"; fi

old_password=$(state_field appPassword)
if command -v curl >/dev/null 2>&1 && [ "$(state_field url)" = "$url" ] && [ -n "$old_password" ] && [ -n "$(server_pid)" ] \
  && [ "$(whoami_status "$wp_user" "$old_password")" = 200 ]; then
  print_ready "$old_password" "$(server_pid)"
fi

# Everything below changes the machine, so it needs root, or sudo that asks no password.
as_root=()
if [ "$(id -u)" != 0 ]; then
  sudo -n true 2>/dev/null || unavailable "needs root or passwordless sudo to install and configure WordPress and MariaDB"
  as_root=(sudo -n)
fi

missing=()
[ -f "$docroot/wp-config.php" ] || missing+=(wordpress)
command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
command -v php >/dev/null 2>&1 || missing+=(php-cli)
{ command -v php >/dev/null 2>&1 && php -r 'exit(extension_loaded("mysqli") ? 0 : 1);'; } || missing+=(php-mysql)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "startWordPress.sh: installing ${missing[*]}" >&2
  apt_install=("${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}")
  # A fresh machine has no package lists; update only when the install cannot find the packages.
  if ! "${apt_install[@]}" >>"$log" 2>&1 9>&-; then
    "${as_root[@]}" apt-get -o DPkg::Lock::Timeout=300 update -qq >>"$log" 2>&1 9>&- || unavailable "apt-get update failed (see $log)"
    "${apt_install[@]}" >>"$log" 2>&1 9>&- || unavailable "apt-get install ${missing[*]} failed (see $log)"
  fi
fi

sql() { "${as_root[@]}" mariadb --batch --skip-column-names -e "$1" 2>>"$log"; }
if ! sql 'SELECT 1' >/dev/null; then
  "${as_root[@]}" service mariadb start >>"$log" 2>&1 9>&- || unavailable "service mariadb start failed (see $log)"
  sql 'SELECT 1' >/dev/null || unavailable "MariaDB started but root cannot connect through its socket (see $log)"
fi

# The config holds the DB password and the salts; keep them across runs, so earlier sessions and passwords stay valid.
if [ -f "$config" ] && ! grep -qF "$config_marker" "$config"; then
  unavailable "$config exists and was not written by this script; move it away to let the tests use their own"
fi
db_password=$(sed -n "s/^define('DB_PASSWORD', '\([0-9a-f]*\)');$/\1/p" "$config" 2>/dev/null)
if [ -z "$db_password" ]; then
  db_password=$(php -r 'echo bin2hex(random_bytes(16));')
  salts=$(php -r 'foreach (["AUTH_KEY","SECURE_AUTH_KEY","LOGGED_IN_KEY","NONCE_KEY","AUTH_SALT","SECURE_AUTH_SALT","LOGGED_IN_SALT","NONCE_SALT"] as $k) printf("define(%s, %s);\n", var_export($k, true), var_export(bin2hex(random_bytes(32)), true));')
  config_text="<?php
// $config_marker: a throwaway WordPress for end-to-end tests, reachable only on 127.0.0.1.
define('DB_NAME', '$db');
define('DB_USER', '$db_user');
define('DB_PASSWORD', '$db_password');
define('DB_HOST', 'localhost');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
$salts
// Application Passwords need HTTPS unless the site says it is a local one.
define('WP_ENVIRONMENT_TYPE', 'local');
// Debian picks this file for any port, so links and media URLs follow the port the request came to.
define('WP_HOME', 'http://' . \$_SERVER['HTTP_HOST']);
define('WP_SITEURL', 'http://' . \$_SERVER['HTTP_HOST']);
define('WP_CONTENT_DIR', '$content_dir');
// Offline machine: update checks to wordpress.org would each hold a server worker until they time out.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
// Scheduled (future) posts are published by wp-cron on page loads.
define('DISABLE_WP_CRON', false);
define('WP_DEBUG', false);
"
  printf '%s' "$config_text" | "${as_root[@]}" tee "$config.tmp" >/dev/null \
    && "${as_root[@]}" chmod 644 "$config.tmp" && "${as_root[@]}" mv -f "$config.tmp" "$config" \
    || unavailable "cannot write $config"
fi

sql "CREATE DATABASE IF NOT EXISTS $db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
  CREATE USER IF NOT EXISTS '$db_user'@'localhost' IDENTIFIED BY '$db_password';
  ALTER USER '$db_user'@'localhost' IDENTIFIED BY '$db_password';
  GRANT ALL PRIVILEGES ON $db.* TO '$db_user'@'localhost';" || unavailable "cannot create database $db and user $db_user (see $log)"

# php -S serves files from the docroot only; Debian keeps uploads under /var/lib (Apache aliases /wp-content to it).
# The link lets the built-in server serve uploaded media at the URLs WordPress hands out.
"${as_root[@]}" mkdir -p "$content_dir/uploads" || unavailable "cannot create $content_dir/uploads"
[ -e "$docroot/wp-content/uploads" ] || "${as_root[@]}" ln -s "$content_dir/uploads" "$docroot/wp-content/uploads" \
  || unavailable "cannot link $docroot/wp-content/uploads to $content_dir/uploads"
[ -w "$content_dir/uploads" ] || "${as_root[@]}" chown -R "$(id -u):$(id -g)" "$content_dir/uploads" \
  || unavailable "cannot make $content_dir/uploads writable for $(id -un)"

answers() { curl -s -o /dev/null --max-time 5 "$url/readme.html"; }

pid=$(server_pid)
if [ -z "$pid" ]; then
  answers && unavailable "port $port is already in use by another program"
  # Four workers: with one, WordPress's own loopback requests (wp-cron) wait on the request that made them.
  # Fully detached, stdin and stdout away from ours: a server holding the caller's stdout made CI wait forever.
  # tests/support/wordpressServer.ts starts it again the same way; keep the two in step.
  setsid -f sh -c 'echo $$ >"$1.pid"; exec env PHP_CLI_SERVER_WORKERS=4 php -S "127.0.0.1:$2" -t "$3" \
      -d upload_max_filesize=64M -d post_max_size=64M -d display_errors=0 -d log_errors=1' \
    sh "$state" "$port" "$docroot" </dev/null >>"$log" 2>&1 9>&-
  for _ in $(seq 100); do answers && break; sleep 0.1; done
  pid=$(cat "$state.pid" 2>/dev/null)
  rm -f "$state.pid"
  answers || unavailable "php -S 127.0.0.1:$port did not answer within 10 s (see $log)"
fi
pid=${pid:-$(server_pid)}
[ -n "$pid" ] || unavailable "something answers on port $port, but no php -S 127.0.0.1:$port is running"

# Ask WordPress itself whether it is installed (WP_INSTALLING stops wp-load redirecting to the installer and exiting).
wp_php() { HTTP_HOST="127.0.0.1:$port" php -d display_errors=stderr -r "\$_SERVER['HTTP_HOST'] = getenv('HTTP_HOST'); $1" 2>>"$log"; }
installed=$(wp_php "define('WP_INSTALLING', true); require '$docroot/wp-load.php'; echo is_blog_installed() ? 'yes' : 'no';")
if [ "$installed" != yes ]; then
  [ "$installed" = no ] || unavailable "WordPress cannot reach its database (see $log)"
  admin_password=$(php -r 'echo bin2hex(random_bytes(12));')
  curl -s -o /dev/null --max-time 60 "$url/wp-admin/install.php?step=2" \
    --data-urlencode 'weblog_title=Dateline tests' --data-urlencode "user_name=$wp_user" \
    --data-urlencode "admin_password=$admin_password" --data-urlencode "admin_password2=$admin_password" \
    --data-urlencode 'admin_email=dateline-tests@example.com' --data-urlencode 'blog_public=0' --data-urlencode 'language=' \
    || unavailable "the install request to $url/wp-admin/install.php failed (see $log)"
  installed=$(wp_php "define('WP_INSTALLING', true); require '$docroot/wp-load.php'; echo is_blog_installed() ? 'yes' : 'no';")
  [ "$installed" = yes ] || unavailable "WordPress's installer did not finish (see $log)"
fi

# The last run's password still works after a restart of the server or the database; otherwise make a new one.
# WordPress wants application names unique per user, and the state file held the only copy of the old one.
if [ -n "$old_password" ] && [ "$(whoami_status "$wp_user" "$old_password")" = 200 ]; then
  app_password=$old_password
else
  app_password=$(wp_php "require '$docroot/wp-load.php';
    \$user = get_user_by('login', '$wp_user');
    if (!\$user) { fwrite(STDERR, 'no user $wp_user'); exit(1); }
    foreach (WP_Application_Passwords::get_user_application_passwords(\$user->ID) as \$old) {
      if (\$old['name'] === '$app_name') WP_Application_Passwords::delete_application_password(\$user->ID, \$old['uuid']);
    }
    \$created = WP_Application_Passwords::create_new_application_password(\$user->ID, ['name' => '$app_name']);
    if (is_wp_error(\$created)) { fwrite(STDERR, \$created->get_error_message()); exit(1); }
    echo \$created[0];") || unavailable "cannot create an application password for $wp_user (see $log)"
fi

# Prove what the publishing tests rely on: Basic auth reaches PHP, terms can be made, and media uploads are written.
status=$(whoami_status "$wp_user" "$app_password")
[ "$status" = 200 ] || unavailable "the REST API answered $status to $wp_user's application password (see $log)"

rest() { # method route [curl args...]: prints the body, fails unless the status is 2xx
  local method=$1 route=$2
  shift 2
  curl -s --fail --max-time 30 -u "$wp_user:$app_password" -X "$method" "$url/?rest_route=$route" "$@"
}
id_of() { sed -n 's/^{"id":\([0-9]*\),.*/\1/p'; }

category=$(rest POST /wp/v2/categories --data-urlencode "name=startWordPress check $$" | id_of)
[ -n "$category" ] || unavailable "creating a category through the REST API failed (see $log)"
rest DELETE "/wp/v2/categories/$category&force=true" >/dev/null || unavailable "deleting a category through the REST API failed"

# Big enough that WordPress makes a thumbnail, so the image library is exercised too. php-gd comes with wordpress.
jpeg="$state.check.jpg"
php -r '$i = imagecreatetruecolor(320, 240); imagefill($i, 0, 0, imagecolorallocate($i, 42, 111, 151)); imagejpeg($i);' >"$jpeg" \
  || unavailable "cannot make a test JPEG with php-gd"
media=$(rest POST /wp/v2/media -H 'Content-Type: image/jpeg' -H 'Content-Disposition: attachment; filename=startwordpress-check.jpg' \
  --data-binary "@$jpeg" | id_of)
rm -f "$jpeg"
[ -n "$media" ] || unavailable "uploading a JPEG through the REST API failed (see $log)"
rest DELETE "/wp/v2/media/$media&force=true" >/dev/null || unavailable "deleting the uploaded JPEG through the REST API failed"

print_ready "$app_password" "$pid"
