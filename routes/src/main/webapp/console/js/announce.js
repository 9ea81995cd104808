// Speaks changes that happen without the user's action (live updates, finished actions) through the
// page's polite aria-live region.

export function announce(message) {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  // A fresh text node after clearing makes screen readers read a repeated message again.
  setTimeout(() => { region.textContent = message; }, 50);
}
