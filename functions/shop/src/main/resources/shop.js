// Optional: shows the chosen variant's price and stock at the top of the product page. Without it, each variant's
// price and stock are written beside its choice, and the page works the same.
(function () {
  var form = document.getElementById('buy');
  var price = document.getElementById('price');
  var was = document.getElementById('was');
  var stock = document.getElementById('stock');
  var approx = document.getElementById('approx');
  if (!form || !price) return;
  form.addEventListener('change', function (event) {
    var input = event.target;
    if (input.name !== 'variantId' || !input.dataset.price) return;
    price.textContent = input.dataset.price;
    if (was) was.textContent = input.dataset.was || '';
    if (approx && input.dataset.approx) approx.textContent = input.dataset.approx;
    if (stock) {
      stock.textContent = input.dataset.stock;
      stock.className = input.dataset.available === 'true' ? 'muted' : 'sold';
    }
  });
})();
