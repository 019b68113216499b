// CityNerve's push worker (registered from /me/notifications): shows each pushed alert and opens its link on click.
// The payload is server/notifications/send-push.ts TPushPayload: { title, body, url }.
self.addEventListener("push", (event) => {
  let data = { title: "CityNerve", body: "", url: "/" };
  try {
    data = { ...data, ...event.data.json() };
  } catch {
    // A push without a readable payload still tells the user something happened.
  }
  event.waitUntil(self.registration.showNotification(data.title, { body: data.body, data: { url: data.url }, tag: data.url, icon: "/icon.svg" }));
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = new URL(event.notification.data?.url ?? "/", self.location.origin);
  // Only this site's own pages: a payload must not send anyone elsewhere.
  const target = url.origin === self.location.origin ? url.href : self.location.origin;
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => w.url.startsWith(self.location.origin) && "navigate" in w);
      return open ? open.navigate(target).then((w) => w?.focus()) : self.clients.openWindow(target);
    }),
  );
});
