// Copy buttons beside feed URLs: shown only where this script runs (the URL field is selectable without it).
document.addEventListener('DOMContentLoaded', () => {
  for (const button of document.querySelectorAll('button.copy[data-copy]')) {
    const field = document.getElementById(button.dataset.copy);
    if (!field || !navigator.clipboard) {
      continue;
    }
    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(field.value);
        button.textContent = 'Copied';
      } catch (e) {
        field.select();
        button.textContent = 'Press Ctrl+C';
      }
      setTimeout(() => { button.textContent = 'Copy'; }, 2000);
    });
  }
});
